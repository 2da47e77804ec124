// Copyright 2024 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_HAL_DRIVERS_HIP_RCCL_HEADERS_H_
#define IREE_HAL_DRIVERS_HIP_RCCL_HEADERS_H_

#include "third_party/rccl/rccl.h"  // IWYU pragma: export

#endif  // IREE_HAL_DRIVERS_HIP_RCCL_HEADERS_H_
