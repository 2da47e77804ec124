// Copyright 2022 The IREE Authors
//
// Licensed under the Apache License v2.0 with LLVM Exceptions.
// See https://llvm.org/LICENSE.txt for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

//===----------------------------------------------------------------------===//
//
//         ██     ██  █████  ██████  ███    ██ ██ ███    ██  ██████
//         ██     ██ ██   ██ ██   ██ ████   ██ ██ ████   ██ ██
//         ██  █  ██ ███████ ██████  ██ ██  ██ ██ ██ ██  ██ ██   ███
//         ██ ███ ██ ██   ██ ██   ██ ██  ██ ██ ██ ██  ██ ██ ██    ██
//          ███ ███  ██   ██ ██   ██ ██   ████ ██ ██   ████  ██████
//
//===----------------------------------------------------------------------===//
//
// This file will be auto generated from hal_loader.imports.mlir in the future;
// for now it's modified by hand but with strict alphabetical sorting required.
// The order of these functions must be sorted ascending by name in a way
// compatible with iree_string_view_compare.
//
// Users are meant to `#define EXPORT_FN` to be able to access the information.
// #define EXPORT_FN(name, target_fn, shim_arg_type, arg_type, ret_type)

// clang-format off

EXPORT_FN("executable.dispatch", iree_hal_loader_module_executable_dispatch, dispatch, rIiiiCiDCrIID, v)
EXPORT_FN("executable.load", iree_hal_loader_module_executable_load, rrr, rrr, r)
EXPORT_FN("executable.lookup.function", iree_hal_loader_module_executable_lookup_function, rr, rr, I)
EXPORT_FN("executable.query_support", iree_hal_loader_module_executable_query_support, r, r, i)

// clang-format on
