// Copyright 2026 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_HAL_DRIVERS_VULKAN_DRIVER_H_
#define IREE_HAL_DRIVERS_VULKAN_DRIVER_H_

#include "iree/base/api.h"
#include "iree/hal/api.h"

//===----------------------------------------------------------------------===//
// iree_hal_vulkan_driver_t
//===----------------------------------------------------------------------===//

// Internal driver declarations shared across the Vulkan HAL implementation.

#endif  // IREE_HAL_DRIVERS_VULKAN_DRIVER_H_
