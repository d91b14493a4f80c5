-- The JDBC event storage engine (ADR 25) inserts events without a global index and lets the column take it.
-- Same sequence, same increment of 1 as the JPA engine's generator (META-INF/orm.xml), so indexes keep following
-- commit order and existing tokens stay valid.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;
