-- Axon Framework's tables for the JPA event store, token store, saga store and dead-letter queue.
-- Serialized data is bytea (never oid large objects); the event sequence increments by 1 so that
-- global_index follows commit order across nodes (see META-INF/orm.xml).

CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    sequence_number      bigint       NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    type                 varchar(255),
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    sequence_number      bigint       NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    type                 varchar(255) NOT NULL,
    PRIMARY KEY (sequence_number, aggregate_identifier, type)
);

CREATE TABLE token_entry (
    segment        integer      NOT NULL,
    token          bytea,
    owner          varchar(255),
    processor_name varchar(255) NOT NULL,
    "timestamp"    varchar(255) NOT NULL,
    token_type     varchar(255),
    PRIMARY KEY (segment, processor_name)
);

CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    serialized_saga bytea,
    revision        varchar(255),
    saga_type       varchar(255)
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id                bigint       NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)  NOT NULL PRIMARY KEY,
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    sequence_index       bigint        NOT NULL,
    sequence_number      bigint,
    cause_message        varchar(1023),
    diagnostics          bytea,
    meta_data            bytea,
    payload              bytea         NOT NULL,
    token                bytea,
    aggregate_identifier varchar(255),
    cause_type           varchar(255),
    event_identifier     varchar(255)  NOT NULL,
    message_type         varchar(255)  NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255)  NOT NULL,
    processing_group     varchar(255)  NOT NULL,
    sequence_identifier  varchar(255)  NOT NULL,
    time_stamp           varchar(255)  NOT NULL,
    token_type           varchar(255),
    type                 varchar(255),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- db-scheduler's table: Axon's DbSchedulerDeadlineManager keeps saga deadlines here, so they survive a restart.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
