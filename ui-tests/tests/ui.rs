//! Compile-fail cases: each file in cases/fail/ is a mistake a person makes in a `netspec!`
//! block, and its .stderr is the error they read. cases/pass/ must compile and run.
//!
//! Regenerate snapshots with `TRYBUILD=overwrite cargo test -p netspec-ui-tests`, then read them.

#[test]
fn compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("cases/fail/*.rs");
    t.pass("cases/pass/*.rs");
}
