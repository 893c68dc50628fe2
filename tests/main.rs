//! Integration tests of the engine at its boundaries, on real public data.
//!
//! One module per area; a new test goes in the module of the area it exercises
//! (`referentials` for readers of ROME/ESCO/lexicon, `extraction` for text → skills and
//! occupations, `quality` for figures measured on real offers). Regression tests are
//! named after the issue they fix.

mod builds;
mod extraction;
mod geography;
mod lheo;
mod needs;
mod quality;
mod rank;
mod referentials;
mod repository;
