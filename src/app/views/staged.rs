//! The start's later parts drawn one task at a time: after the first frame (the form
//! painted), each step is drawn in a task of its own, so that the page is never blocked
//! for long at once (Lighthouse's total blocking time counts each task's time beyond
//! 50 ms, and the first call of each wasm function also compiles it). What a step draws
//! comes after what is already on the screen, so nothing shown moves.

use std::time::Duration;

use leptos::prelude::*;

/// How many of the start's steps have been drawn.
#[derive(Clone, Copy)]
pub struct Staged(RwSignal<u8>);

impl Staged {
    /// Draws steps 1 to `last` after the next frame, one a task.
    pub fn after_first_frame(last: u8) -> Self {
        let staged = Self(RwSignal::new(0));
        request_animation_frame(move || staged.next(last));
        staged
    }

    /// Whether step `step` is drawn (tracked: a view reading it is drawn when it is).
    pub fn reached(self, step: u8) -> bool {
        self.0.get() >= step
    }

    fn next(self, last: u8) {
        // Each a task: the effects the step sets off run in it (microtasks), and the next
        // step waits behind whatever the browser has to do in between.
        set_timeout(
            move || {
                self.0.update(|n| *n += 1);
                if self.0.get_untracked() < last {
                    self.next(last);
                }
            },
            Duration::ZERO,
        );
    }
}
