-- Why auto-publish left a draft for a person (AutoPublishHeld): shown on the review while that draft waits.
ALTER TABLE review_view ADD COLUMN auto_publish_hold varchar(32);
