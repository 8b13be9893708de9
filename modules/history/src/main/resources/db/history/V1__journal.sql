-- The history is an append-only journal: every fact (an operation or a step started or
-- finished) is one row, chained to the row before it by a SHA-256 hash, and never updated.
-- The operations and steps views derive the current state from those rows.

CREATE TABLE journal (
    seq           BIGINT                      NOT NULL PRIMARY KEY,
    entry         VARCHAR(20)                 NOT NULL,
    operation_id  BIGINT                      NOT NULL,
    step_seq      INTEGER,
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind          VARCHAR(40),
    environment   VARCHAR(1000),
    application   VARCHAR(1000),
    target        VARCHAR(1000),
    from_version  VARCHAR(1000),
    to_version    VARCHAR(1000),
    operator      VARCHAR(1000),
    reason        VARCHAR(4000),
    step_name     VARCHAR(1000),
    step_status   VARCHAR(20),
    outcome       VARCHAR(20),
    output        VARCHAR(65536),
    prev_hash     CHAR(64)                    NOT NULL,
    hash          CHAR(64)                    NOT NULL,
    CONSTRAINT journal_entry_known CHECK (entry IN
        ('OPERATION_STARTED', 'OPERATION_FINISHED', 'STEP_STARTED', 'STEP_FINISHED')),
    CONSTRAINT journal_step_entries_have_seq CHECK ((entry LIKE 'STEP_%') = (step_seq IS NOT NULL)),
    -- Each fact is journaled once: one start and one finish per operation and per step.
    CONSTRAINT journal_fact_once UNIQUE NULLS NOT DISTINCT (operation_id, entry, step_seq)
);

CREATE INDEX journal_by_entry ON journal (entry, operation_id);

-- One row: the end of the chain. Writers lock it (SELECT ... FOR UPDATE) so appends from
-- several connections or processes are serialized and the chain never forks.
CREATE TABLE chain_head (
    id         INTEGER  NOT NULL PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT chain_head_single_row CHECK (id = 1)
);

INSERT INTO chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE VIEW operations AS
SELECT s.operation_id                 AS id,
       s.kind                         AS kind,
       s.environment                  AS environment,
       s.application                  AS application,
       s.target                       AS target,
       s.from_version                 AS from_version,
       s.to_version                   AS to_version,
       s.operator                     AS operator,
       s.reason                       AS reason,
       s.recorded_at                  AS started,
       f.recorded_at                  AS finished,
       COALESCE(f.outcome, 'RUNNING') AS outcome
FROM journal s
LEFT JOIN journal f ON f.operation_id = s.operation_id AND f.entry = 'OPERATION_FINISHED'
WHERE s.entry = 'OPERATION_STARTED';

CREATE VIEW steps AS
SELECT s.operation_id                     AS operation_id,
       s.step_seq                         AS seq,
       s.step_name                        AS name,
       s.recorded_at                      AS started,
       f.recorded_at                      AS finished,
       COALESCE(f.step_status, 'STARTED') AS status,
       f.output                           AS output
FROM journal s
LEFT JOIN journal f ON f.operation_id = s.operation_id AND f.step_seq = s.step_seq
                   AND f.entry = 'STEP_FINISHED'
WHERE s.entry = 'STEP_STARTED';
