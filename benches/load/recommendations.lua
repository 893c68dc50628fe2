-- wrk script for POST /api/v1/recommendations: ten learner profiles in rotation.
--
-- Varied the way advisers' requests are: a ROME code, a job title or target skills;
-- held skills or a short CV; communes of Paris, Lyon, Toulouse, Bordeaux and Lille;
-- radius, modalities, level, duration and situation. Each returns 200 with trainings
-- on the demo corpus served with --today 2026-11-29.
dofile((os.getenv("LOAD_DIR") or "benches/load") .. "/report.lua")

local profiles = {
   [[{"target":{"rome":"M1805"},"location":{"commune":"75056"},"radius_km":20}]],
   [[{"skills":["HTML","CSS"],"target":{"appellation":"développeur web"},"location":{"commune":"69123"},"radius_km":30,"level":4}]],
   [[{"skills":["Python","SQL"],"target":{"appellation":"data analyst"},"location":{"commune":"31555"},"radius_km":50,"modalities":["presentiel","hybride"]}]],
   [[{"target":{"skills":["JavaScript","React","Node.js"]},"location":{"commune":"33063"},"radius_km":100}]],
   [[{"skills":["Windows","Réseaux informatiques"],"target":{"rome":"M1810"},"location":{"commune":"59350"},"radius_km":40,"modalities":["presentiel"]}]],
   [[{"skills":["Excel","travail en équipe"],"target":{"appellation":"technicien support informatique"},"location":{"commune":"69123"},"radius_km":60,"situation":{"job_seeker":true}}]],
   [[{"target":{"rome":"M1806"},"location":{"commune":"31555"},"radius_km":80,"max_duration_months":12}]],
   [[{"skills":["Photoshop","Illustrator"],"target":{"appellation":"webdesigner"},"location":{"commune":"75056"},"modalities":["distanciel","hybride"]}]],
   [[{"cv_text":"Assistante administrative pendant 5 ans, à l'aise avec Excel et le travail en équipe. J'ai suivi un MOOC sur JavaScript.","target":{"appellation":"développeur web"},"location":{"commune":"33063"},"radius_km":30,"available_from":"2026-12-01","level":4}]],
   [[{"skills":["Linux"],"target":{"skills":["cybersécurité","sécurité réseau"]},"location":{"commune":"59350"},"radius_km":150,"situation":{"job_seeker":true,"rqth":true}}]],
}

local requests = {}
local next_request = 1

-- Threads start at different profiles so that they do not send the same one at once.
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("first", threads)
end

function init(args)
   local headers = { ["Content-Type"] = "application/json" }
   for i, body in ipairs(profiles) do
      requests[i] = wrk.format("POST", "/api/v1/recommendations", headers, body)
   end
   next_request = ((first or 1) - 1) * 5 % #requests + 1
end

function request()
   local r = requests[next_request]
   next_request = next_request % #requests + 1
   return r
end
