-- wrk script for GET routes (the ceiling's /json, the territory needs): the URL says it all.
dofile((os.getenv("LOAD_DIR") or "benches/load") .. "/report.lua")
