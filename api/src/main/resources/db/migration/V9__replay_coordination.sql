-- A replay coordinated across every node that shares this database (docs/decisions/0010-coordinated-replay.md).
-- V8 belongs to another branch.

-- The nodes running the application: each writes its heartbeat here every second. node_id is the owner name the
-- node writes into token_entry when it claims a segment.
CREATE TABLE cluster_node (
    node_id    varchar(255) NOT NULL PRIMARY KEY,
    started_at timestamptz  NOT NULL,
    last_seen  timestamptz  NOT NULL
);

-- One row per replay request. STOPPING: every node is asked to stop the processor; RESETTING: the coordinating
-- node resets the tokens; RUNNING: the processor runs again everywhere and reads from the first event; DONE: it
-- has caught up; FAILED: given up (failure says why), the processor runs again everywhere.
CREATE TABLE projection_replay (
    id             uuid         NOT NULL PRIMARY KEY,
    processor_name varchar(255) NOT NULL,
    state          varchar(16)  NOT NULL,
    requested_at   timestamptz  NOT NULL,
    requested_by   text,
    coordinator    varchar(255) NOT NULL,
    reset_at       timestamptz,
    finished_at    timestamptz,
    failure        text
);
-- at most one unfinished replay per processor, across all nodes: a second request fails on this index (409)
CREATE UNIQUE INDEX projection_replay_one_at_a_time ON projection_replay (processor_name)
    WHERE state IN ('STOPPING', 'RESETTING', 'RUNNING');
CREATE INDEX projection_replay_latest ON projection_replay (processor_name, requested_at DESC);

-- Each node's acknowledgement: it stopped the processor (stopped_at) and, once the reset is done, started it
-- again (started_at).
CREATE TABLE projection_replay_node (
    replay_id  uuid         NOT NULL REFERENCES projection_replay (id) ON DELETE CASCADE,
    node_id    varchar(255) NOT NULL,
    stopped_at timestamptz  NOT NULL,
    started_at timestamptz,
    PRIMARY KEY (replay_id, node_id)
);
