// Copyright 2019 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef IREE_TESTING_GTEST_H_
#define IREE_TESTING_GTEST_H_

#include "gmock/gmock-matchers.h"   // IWYU pragma: export
#include "gmock/gmock.h"            // IWYU pragma: export
#include "gtest/gtest-message.h"    // IWYU pragma: export
#include "gtest/gtest-spi.h"        // IWYU pragma: export
#include "gtest/gtest-test-part.h"  // IWYU pragma: export
#include "gtest/gtest.h"            // IWYU pragma: export

#endif  // IREE_TESTING_GTEST_H_
