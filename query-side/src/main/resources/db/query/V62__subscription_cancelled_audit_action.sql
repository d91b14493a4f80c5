-- The shop's audit trail now serves billing entries beside its reviews' entries, where a bare "CANCELLED" would
-- read as a reply cancelled: the billing projection writes SUBSCRIPTION_CANCELLED, and so do the rows it wrote.
UPDATE billing_audit SET action = 'SUBSCRIPTION_CANCELLED' WHERE action = 'CANCELLED';
