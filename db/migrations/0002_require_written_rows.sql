-- A write of the engine that must reach every row it names (an instance saved
-- under the lock version it was read with) checks that inside its own
-- statement, so the statement, and with it the transaction, fails before
-- COMMIT. Called only when a row was missed; it names the first such row.
CREATE FUNCTION baton_missing_row(expected jsonb, reached text[], what text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  missing text;
BEGIN
  SELECT row_data ->> 'id' INTO missing
  FROM jsonb_array_elements(expected) AS row_data
  WHERE NOT ((row_data ->> 'id') = ANY (coalesce(reached, '{}')))
  LIMIT 1;
  IF missing IS NULL THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Expected row % of % to be as the command read it, but another command changed it', missing, what
    USING ERRCODE = 'serialization_failure', DETAIL = missing;
END
$$;
