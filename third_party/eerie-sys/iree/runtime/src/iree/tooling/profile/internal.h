// Copyright 2026 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_TOOLING_PROFILE_INTERNAL_H_
#define IREE_TOOLING_PROFILE_INTERNAL_H_

#include "iree/tooling/profile/cat.h"
#include "iree/tooling/profile/common.h"
#include "iree/tooling/profile/counter.h"
#include "iree/tooling/profile/dispatch.h"
#include "iree/tooling/profile/explain.h"
#include "iree/tooling/profile/export.h"
#include "iree/tooling/profile/memory.h"
#include "iree/tooling/profile/model.h"
#include "iree/tooling/profile/projection.h"
#include "iree/tooling/profile/reader.h"
#include "iree/tooling/profile/summary.h"

#endif  // IREE_TOOLING_PROFILE_INTERNAL_H_
