// Copyright 2025 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_BUILTINS_UKERNEL_ARCH_RISCV_64_UNPACK_RISCV_64_INTERNAL_H_
#define IREE_BUILTINS_UKERNEL_ARCH_RISCV_64_UNPACK_RISCV_64_INTERNAL_H_

#include "iree/builtins/ukernel/unpack_internal.h"

// Placeholder for now

#endif  // IREE_BUILTINS_UKERNEL_ARCH_RISCV_64_UNPACK_RISCV_64_INTERNAL_H_
