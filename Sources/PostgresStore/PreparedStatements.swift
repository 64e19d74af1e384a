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
          \(insertInOrder(Store.turnInsert, Store.turnColumns, from: "$5"))),
        cases AS (
          INSERT INTO handoff (\(Store.caseColumns)) SELECT h.*
          FROM jsonb_to_recordset($6::jsonb) AS h(\(Store.definition(Store.caseColumnTypes)))
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = h.session)
          \(Store.caseUpsert)),
        messages AS (
          \(insertInOrder(Store.messageInsert, Store.messageColumns, from: "$7"))),
        notified AS (
          SELECT pg_notify('\(Store.channel)', a.payload)::text AS sent FROM unnest($8::text[], $9::text[]) AS a(session, payload)
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = a.session))
        SELECT ARRAY(SELECT id FROM conflicted), (SELECT count(sent) FROM notified)
        """
    typealias Row = [String]

    /// `insert` of the JSON array in `parameter`, in the array's order (the rows' ids follow it),
    /// leaving out the rows of sessions in conflict.
    private static func insertInOrder(_ insert: String, _ columns: Store.Columns, from parameter: String) -> String {
        """
        \(insert) SELECT \(columns.map { "r.\($0.name)" }.joined(separator: ", "))
          FROM ROWS FROM (jsonb_to_recordset(\(parameter)::jsonb) AS (\(Store.definition(columns))))
          WITH ORDINALITY AS r(\(Store.names(columns)), position)
          WHERE NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.id = r.session) ORDER BY r.position
        """
    }

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
