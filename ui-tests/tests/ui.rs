//! Compile-fail cases: each file in cases/fail/ is a mistake a person makes in a `netspec!`
//! block, and its .stderr is the error they read. cases/pass/ must compile and run.
//!
//! Regenerate snapshots with `TRYBUILD=overwrite cargo test -p netspec-ui-tests`, then read them.
//!
//! The two kinds are separate `TestCases` on purpose: trybuild checks a set with no passing
//! case in one `cargo check --bins --keep-going` (every case at once, in parallel), but builds
//! a set that has one case by case, each with a `cargo clean` and a full `cargo build` (about
//! 25-50 s a case on two cores).

#[test]
fn compile_errors() {
    trybuild::TestCases::new().compile_fail("cases/fail/*.rs");
}

#[test]
fn passing_specs() {
    trybuild::TestCases::new().pass("cases/pass/*.rs");
}
