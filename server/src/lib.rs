//! Passerelle's server: the HTTP API and web application over the engine (`api`); the
//! `passerelle` binary adds the command line; `json` is the JSON writer both use.

pub mod api;
pub mod france_travail;
pub mod json;
