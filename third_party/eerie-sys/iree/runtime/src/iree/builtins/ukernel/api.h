// Copyright 2023 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_BUILTINS_UKERNEL_API_H_
#define IREE_BUILTINS_UKERNEL_API_H_

#include "iree/builtins/ukernel/conv_nchwc.h"
#include "iree/builtins/ukernel/mmt4d.h"
#include "iree/builtins/ukernel/pack.h"
#include "iree/builtins/ukernel/query_tile_sizes.h"
#include "iree/builtins/ukernel/unpack.h"

#endif  // IREE_BUILTINS_UKERNEL_API_H_
