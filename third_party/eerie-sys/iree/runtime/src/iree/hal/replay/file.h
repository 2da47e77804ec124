// Copyright 2026 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_HAL_REPLAY_FILE_H_
#define IREE_HAL_REPLAY_FILE_H_

#include "iree/hal/replay/file_reader.h"
#include "iree/hal/replay/file_writer.h"

#endif  // IREE_HAL_REPLAY_FILE_H_
