-- An operation may follow from another: the automatic rollback of a failed deploy names the
-- deploy it undoes. Written once with the operation's start, like every other field.

ALTER TABLE journal ADD COLUMN linked_to BIGINT;

CREATE OR REPLACE VIEW operations AS
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
       COALESCE(f.outcome, 'RUNNING') AS outcome,
       s.linked_to                    AS linked_to
FROM journal s
LEFT JOIN journal f ON f.operation_id = s.operation_id AND f.entry = 'OPERATION_FINISHED'
WHERE s.entry = 'OPERATION_STARTED';
