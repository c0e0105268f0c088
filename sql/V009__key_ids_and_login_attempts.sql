-- Key ids become random labels instead of an HMAC fingerprint of the site secret (which let anyone
-- holding the database test guessed secrets offline). Each label is stored with itself sealed
-- (AES-256-GCM) under a key derived from its secret, so a server finds the label of the secret it has.
-- Existing rows are relabelled by the application at start-up: only it knows the secret.
-- H2 2.x and PostgreSQL 15.
CREATE TABLE email_keys (
    key_id       VARCHAR(16)    NOT NULL PRIMARY KEY,
    check_value  VARCHAR(100)   NOT NULL,
    created_at   TIMESTAMP      NOT NULL
);

-- Login attempts are recorded before the password is checked (so parallel guesses are all counted),
-- not only failures afterwards.
ALTER TABLE login_failures RENAME TO login_attempts;
ALTER TABLE login_attempts RENAME COLUMN failed_at TO attempted_at;

-- Where each account has logged in successfully before (IPv4 address, or IPv6 /64): a right password
-- from such an address passes the per-username lock, so a stranger's guesses cannot keep the owner out.
CREATE TABLE login_known_addresses (
    username       VARCHAR(100)  NOT NULL,
    address_group  VARCHAR(45)   NOT NULL,
    last_login_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (username, address_group)
);
