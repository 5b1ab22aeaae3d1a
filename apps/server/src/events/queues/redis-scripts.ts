/**
 * Lua scripts of the Redis queue store. Keys (prefix P): `P q:<id>` hash {spec, last, user, realm,
 * aps}; `P e:<id>` sorted set of event JSON scored by id; `P u:<user>` and `P r:<realm>` sets of
 * queue ids (per user; all_public_streams queues per realm). Queue and event keys expire after the
 * idle timeout unless touched; indexes expire with their last queue and are trimmed when read.
 */

/**
 * ARGV: prefix, public realm id or '', user ids... → for each index read (the realm's first if
 * asked, then each user's): its size n, then its n queue ids. Ids may name expired queues; the
 * caller knows their specs or reads them, and trims the index.
 */
export const TARGETS_LUA = `
local p = ARGV[1]
local out = {}
local function scan(setKey)
  local ids = redis.call('SMEMBERS', setKey)
  out[#out + 1] = #ids
  for _, q in ipairs(ids) do out[#out + 1] = q end
end
if ARGV[2] ~= '' then scan(p .. 'r:' .. ARGV[2]) end
for i = 3, #ARGV do scan(p .. 'u:' .. ARGV[i]) end
return out
`;

/**
 * ARGV: prefix, max events, wake channel, then groups of (n, payload x n, m, queueId x m).
 * Assigns ids, drops queues that would overflow, publishes one wake-up. → the ids of queues that
 * are gone (expired, or dropped now), for the caller to forget.
 */
export const APPEND_LUA = `
local p = ARGV[1]
local max = tonumber(ARGV[2])
local woken = {}
local gone = {}
local i = 4
while i <= #ARGV do
  local np = tonumber(ARGV[i])
  local payloads = {}
  for j = 1, np do payloads[j] = ARGV[i + j] end
  i = i + np + 1
  local nq = tonumber(ARGV[i])
  for j = 1, nq do
    local q = ARGV[i + j]
    local qk = p .. 'q:' .. q
    local ek = p .. 'e:' .. q
    local ttl = redis.call('PTTL', qk)
    if ttl > 0 then
      local held = redis.call('ZCARD', ek)
      if held + np > max then
        redis.call('DEL', qk, ek)
        gone[#gone + 1] = q
      else
        for k = 1, np do
          local id = redis.call('HINCRBY', qk, 'last', 1)
          local pl = payloads[k]
          local json
          if pl == '}' then json = '{"id":' .. id .. '}' else json = '{"id":' .. id .. ',' .. pl end
          redis.call('ZADD', ek, id, json)
        end
        -- A new event set expires with its queue; every later touch refreshes both together.
        if held == 0 then redis.call('PEXPIRE', ek, ttl) end
      end
      woken[#woken + 1] = q
    else
      gone[#gone + 1] = q
    end
  end
  i = i + nq + 1
end
if #woken > 0 then redis.call('PUBLISH', ARGV[3], 'e:' .. table.concat(woken, ',')) end
return gone
`;

/** Refreshes a queue's keys and its index keys. Shared by FETCH_LUA and KEEPALIVE_LUA. */
const TOUCH = `
local function touch(p, q, idle, user, realm, aps)
  redis.call('PEXPIRE', p .. 'q:' .. q, idle)
  redis.call('PEXPIRE', p .. 'e:' .. q, idle)
  redis.call('PEXPIRE', p .. 'u:' .. user, idle)
  if aps == '1' then redis.call('PEXPIRE', p .. 'r:' .. realm, idle) end
end
`;

/**
 * ARGV: prefix, idle ms, then for each queue read, 6 values: queue id, ack, after, poller process
 * ('' to not claim the queue), owner user id ('' for any), '1' to refresh its expiry or '0'. One call reads a batch of queues (every
 * long-poll a process woke or received in one tick). → for each read in turn: -1 (gone, or not
 * the owner's), or n, the previous poller ('' if none) and the n events.
 */
export const FETCH_LUA = `${TOUCH}
local p, idle = ARGV[1], ARGV[2]
local out = {}
for i = 3, #ARGV, 6 do
  local q, ack, after, poller, owner = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local qk = p .. 'q:' .. q
  local h = redis.call('HMGET', qk, 'last', 'user', 'realm', 'aps', 'poller')
  -- 'last' is always set: it tells a live queue from a gone one.
  if not h[1] or (owner ~= '' and h[2] ~= owner) then
    out[#out + 1] = -1
  else
    if poller ~= '' and poller ~= h[5] then redis.call('HSET', qk, 'poller', poller) end
    local ek = p .. 'e:' .. q
    if tonumber(ack) >= 0 then redis.call('ZREMRANGEBYSCORE', ek, '-inf', ack) end
    -- Nothing past the last id: a poll that has caught up reads no event.
    local events = {}
    if tonumber(after) < tonumber(h[1]) then
      events = redis.call('ZRANGEBYSCORE', ek, '(' .. after, '+inf')
    end
    if ARGV[i + 5] == '1' then touch(p, q, idle, h[2], h[3], h[4]) end
    out[#out + 1] = #events
    out[#out + 1] = h[5] or ''
    for _, e in ipairs(events) do out[#out + 1] = e end
  end
end
return out
`;

/** ARGV: prefix, idle ms, queue ids... → number still alive. */
export const KEEPALIVE_LUA = `${TOUCH}
local p, idle = ARGV[1], ARGV[2]
local alive = 0
for i = 3, #ARGV do
  local h = redis.call('HMGET', p .. 'q:' .. ARGV[i], 'user', 'realm', 'aps')
  if h[1] then
    touch(p, ARGV[i], idle, h[1], h[2], h[3])
    alive = alive + 1
  end
end
return alive
`;

/** ARGV: prefix, queue id → 1 if it existed. */
export const REMOVE_LUA = `
local p, q = ARGV[1], ARGV[2]
local h = redis.call('HMGET', p .. 'q:' .. q, 'user', 'realm')
if not h[1] then return 0 end
redis.call('DEL', p .. 'q:' .. q, p .. 'e:' .. q)
redis.call('SREM', p .. 'u:' .. h[1], q)
redis.call('SREM', p .. 'r:' .. h[2], q)
return 1
`;
