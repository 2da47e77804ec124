//! See tests/ui.rs: compile-fail cases live in cases/.
