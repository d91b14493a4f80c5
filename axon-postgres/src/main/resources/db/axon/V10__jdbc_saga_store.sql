-- The saga store is Axon's JDBC store from now on (ADR 13). It inserts association values without an id: the id
-- comes from the sequence the JPA store allocated from (in blocks of 50), so new ids stay above every id in use.
ALTER TABLE association_value_entry ALTER COLUMN id SET DEFAULT nextval('association_value_entry_seq');
