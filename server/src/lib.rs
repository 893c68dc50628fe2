//! Passerelle's server: the HTTP API and web application over the engine (`api`); the
//! `passerelle` binary adds the command line.

pub mod api;
