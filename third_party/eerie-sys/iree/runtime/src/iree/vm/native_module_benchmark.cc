// Copyright 2020 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "iree/base/api.h"
#include "iree/testing/benchmark.h"
#include "iree/vm/module.h"
#include "iree/vm/native_module.h"
#include "iree/vm/native_module_test.h"
#include "iree/vm/stack.h"

namespace {

// TODO(benvanik): native module benchmarks.

}  // namespace
