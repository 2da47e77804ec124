//! An output path that cannot be written is refused before anything is compiled or trained.

use netspec::cli::{self, Defaults};
use netspec::iree::Error;
use netspec::models::MnistLinear;

#[test]
fn an_unwritable_save_path_is_refused_before_training() {
    let args = [
        "--save",
        "/proc/nope/x.safetensors",
        "--steps",
        "1",
        "--quiet",
    ];
    let options = cli::parse(args.map(String::from), Defaults::default()).unwrap();
    // Only the up-front check answers with a usage error; writing at the end would be an I/O
    // error after the training.
    match cli::run::<MnistLinear>(&options) {
        Err(Error::Usage(message)) => {
            assert!(
                message.contains("/proc/nope/x.safetensors") && message.contains("before training"),
                "{message}"
            );
        }
        Err(other) => panic!("expected the path to be refused up front, got: {other}"),
        Ok(_) => panic!("a run saving to /proc/nope/x.safetensors succeeded"),
    }
}
