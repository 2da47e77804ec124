// Temporary (tf session): dumps step module text for compile-time experiments.
use netspec::core::step;
use netspec::iree::TrainConfig;
fn main() {
    let which = std::env::args().nth(1).unwrap();
    let config = TrainConfig {
        batch_size: 32,
        optimizer: netspec::iree::OptimizerKind::Adam,
        ..TrainConfig::default()
    };
    let m = match which.as_str() {
        "convnext" => step::build::<netspec::models::ConvNeXtTinyAt32>(config.step_config()),
        "vit" => step::build::<netspec::models::ViTTinyAt32>(config.step_config()),
        "resnet" => step::build::<netspec::models::ResNet34At32>(config.step_config()),
        _ => panic!(),
    };
    print!("{}", m.text());
}
