// A block's use must give its parameters: a missing one, an unknown one, and a block that
// uses itself are each named.
use netspec::prelude::*;

netspec! {
    block Pair(c, s = 1) {
        a: conv2d(c, k = 3, s = s, p = 1), relu,
    }
    block Loop(c) {
        again: Loop(c),
    }

    pub A: [3, 8, 8] => { p: Pair(s = 2), flatten, fc: dense(10) }
    pub B: [3, 8, 8] => { p: Pair(4, stride = 2), flatten, fc: dense(10) }
    pub C: [3, 8, 8] => { l: Loop(4), flatten, fc: dense(10) }
}

fn main() {}
