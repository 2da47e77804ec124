// Copyright 2024 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_HAL_DRIVERS_NULL_DEVICE_H_
#define IREE_HAL_DRIVERS_NULL_DEVICE_H_

#include "iree/base/api.h"
#include "iree/hal/api.h"

//===----------------------------------------------------------------------===//
// iree_hal_null_device_t
//===----------------------------------------------------------------------===//

// NOTE: nothing in the skeleton implementation. Device creation and adoption is
// part of the public API header. This header can contain internal types and
// functions.

#endif  // IREE_HAL_DRIVERS_NULL_DEVICE_H_
