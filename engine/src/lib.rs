//! Passerelle engine.
