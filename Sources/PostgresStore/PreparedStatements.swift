import PostgresNIO

/// The statements of the hot path, prepared once a connection (the pool's connections live as
/// long as the store), so PostgreSQL neither parses nor plans them again.

/// A session's state, conversation, version and time of writing.
struct LoadSession: PostgresPreparedStatement {
    static let sql = "SELECT state::text, conversation, version, updated_at FROM session WHERE id = $1"
    typealias Row = (String, Int, Int64, Double)

    var id: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// A whole batch in one statement (see ``PostgresSessionStore``): the sessions written where
/// their version still holds, then the other rows and notifications of the sessions not in
/// conflict. Returns one row: the sessions in conflict.
struct SaveBatch: PostgresPreparedStatement {
    typealias Store = PostgresSessionStore
    static let sql = """
        WITH updated AS (
          UPDATE session AS s SET conversation = u.conversation, turns = u.turns, state = u.state,
          version = s.version + 1, updated_at = $1
          FROM jsonb_to_recordset($2::jsonb) AS u(id text, conversation int, turns int, state jsonb, version bigint)
          WHERE s.id = u.id AND s.version = u.version RETURNING s.id),
        inserted AS (
          INSERT INTO session (id, conversation, turns, state, version, updated_at)
          SELECT u.id, u.conversation, u.turns, u.state, 1, $1
          FROM jsonb_to_recordset($3::jsonb) AS u(id text, conversation int, turns int, state jsonb)
          ON CONFLICT (id) DO NOTHING RETURNING id),
        conflicted AS (
          SELECT id FROM unnest($4::text[]) AS id EXCEPT SELECT id FROM updated EXCEPT SELECT id FROM inserted),
        turns AS (
          \(Store.turnInsert) \(Store.inOrder(Store.turnColumns, "t"))
          FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (\(Store.definition(Store.turnColumns))))
          WITH ORDINALITY AS t(\(Store.names(Store.turnColumns)), position)
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = t.session) ORDER BY t.position),
        cases AS (
          INSERT INTO handoff (\(Store.caseColumns)) SELECT h.*
          FROM jsonb_to_recordset($6::jsonb) AS h(\(Store.definition(Store.caseColumnTypes)))
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = h.session)
          \(Store.caseUpsert)),
        messages AS (
          \(Store.messageInsert) \(Store.inOrder(Store.messageColumns, "m"))
          FROM ROWS FROM (jsonb_to_recordset($7::jsonb) AS (\(Store.definition(Store.messageColumns))))
          WITH ORDINALITY AS m(\(Store.names(Store.messageColumns)), position)
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = m.session) ORDER BY m.position),
        notified AS (
          SELECT pg_notify('\(Store.channel)', a.payload)::text AS sent FROM unnest($8::text[], $9::text[]) AS a(session, payload)
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = a.session))
        SELECT ARRAY(SELECT id FROM conflicted), (SELECT count(sent) FROM notified)
        """
    typealias Row = [String]

    var now: Double
    var rows: BatchRows
    var sessions: [String]
    var announced: [(session: String, payload: String)]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(now)
        for json in [rows.existingSessions, rows.newSessions] { bindings.append(json ?? "[]") }
        bindings.append(sessions)
        for json in [rows.turns, rows.handoffs, rows.agentMessages] { bindings.append(json ?? "[]") }
        bindings.append(announced.map(\.session))
        bindings.append(announced.map(\.payload))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(([String], Int).self).0 }
}
