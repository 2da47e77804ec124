//! Learning-rate schedules, evaluated on the host once per step.

/// Linear warmup from ~0 to `base` over `warmup_steps`, then (optionally) cosine decay to 0 at
/// `total_steps`; constant `base` after warmup when cosine is off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    pub base: f64,
    pub warmup_steps: usize,
    pub total_steps: usize,
    pub cosine: bool,
}

impl Schedule {
    pub fn constant(base: f64) -> Self {
        Schedule {
            base,
            warmup_steps: 0,
            total_steps: 0,
            cosine: false,
        }
    }

    /// The learning rate of 0-based step `step`.
    pub fn lr(&self, step: usize) -> f64 {
        if step < self.warmup_steps {
            return self.base * (step + 1) as f64 / self.warmup_steps as f64;
        }
        if !self.cosine || self.total_steps <= self.warmup_steps {
            return self.base;
        }
        let t = (step - self.warmup_steps) as f64 / (self.total_steps - self.warmup_steps) as f64;
        0.5 * self.base * (1.0 + (std::f64::consts::PI * t.min(1.0)).cos())
    }
}
