-- A reader that misses a key loads it together with the keys made after it (SubjectKeys.loadWithNext): in the order
-- the keys were made, which is the order a replay meets their subjects.
CREATE INDEX personal_data_key_created ON personal_data_key (created_at, subject);
