import PostgresStore
import SessionStorage
import Testing

/// `--store postgres://…` read into an address, with clear errors.
@Suite struct PostgresAddressTests {
    @Test func aFullAddressIsRead() throws {
        let address = try PostgresAddress("postgres://kefu:s%40cret@db.internal:6432/support?sslmode=require", environment: [:])
        #expect(address.user == "kefu")
        #expect(address.password == "s@cret")
        #expect(address.host == "db.internal")
        #expect(address.port == 6432)
        #expect(address.database == "support")
        #expect(address.tls == .require)
        #expect(address.description == "postgres://kefu@db.internal:6432/support")   // never the password
    }

    @Test func defaultsAndThePasswordFromTheEnvironment() throws {
        let address = try PostgresAddress("postgresql://kefu@127.0.0.1/kefu", environment: ["PGPASSWORD": "from-env"])
        #expect(address.port == 5432)
        #expect(address.tls == .prefer)
        #expect(address.password == "from-env")
        #expect(try PostgresAddress("postgres://kefu:given@h/d", environment: ["PGPASSWORD": "other"]).password == "given")
    }

    @Test(arguments: [
        ("sessions.db", "not a PostgreSQL address"),
        ("postgres://db.internal/support", "no user"),
        ("postgres://kefu@/support", "no host"),
        ("postgres://kefu@db.internal", "names no database"),
        ("postgres://kefu@db.internal/a/b", "names no database"),
        ("postgres://kefu@db.internal:0/support", "out of range"),
        ("postgres://kefu@db.internal/support?pool=9", "unknown option 'pool=9'"),
    ])
    func badAddressesSayWhatIsWrong(text: String, problem: String) {
        do {
            _ = try PostgresAddress(text, environment: [:])
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(problem), "\(error.description)")
        }
    }

    @Test func passwordsNeverAppearInMessages() {
        do {
            _ = try PostgresAddress("postgres://kefu:topsecret@db/a/b", environment: [:])
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("topsecret"))
        }
    }

    @Test func storeNamesAreToldApart() {
        #expect(PostgresAddress.isPostgres("postgres://kefu@h/d"))
        #expect(PostgresAddress.isPostgres("postgresql://kefu@h/d"))
        #expect(!PostgresAddress.isPostgres("sessions.db"))
    }
}
