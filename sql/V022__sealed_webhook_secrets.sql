-- A webhook's signing secret is stored sealed with the site secret (webhook.WebhookSecrets), so a backup
-- or a copy of the database cannot sign forged deliveries: "sealed1." and base64 of nonce, ciphertext and
-- tag (about 120 characters). Secrets stored before are sealed at the next start. H2 2.x and PostgreSQL 15.
ALTER TABLE webhooks ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
