import Foundation
import FeedbackRules
import FeedbackWire
import Synchronization

/// The emulator's user pools, users and auth events, and the feedback given
/// on them: read and written under one lock, by every request.
public final class UserPoolStore: Sendable {
    private let state: Mutex<[ExactName: Pool]>

    struct Pool {
        var id: String
        var advancedSecurity: Bool
        var users: [ExactName: User]
        /// Usernames in seed order, for the state document.
        var order: [ExactName]
    }

    struct User {
        var username: String
        /// Newest first, as `AdminListUserAuthEvents` lists them.
        var events: [Seed.AuthEvent]
        var index: [ExactName: Int]
    }

    /// The state a seed describes; events without a creation date get `now`.
    public init(_ seed: Seed, now: Date = Date()) {
        var pools: [ExactName: Pool] = [:]
        for pool in seed.userPools {
            var users: [ExactName: User] = [:]
            var order: [ExactName] = []
            for user in pool.users {
                var events = user.authEvents.map { event -> Seed.AuthEvent in
                    var event = event
                    event.creationDate = event.creationDate ?? now
                    return event
                }
                // Stable: events of the same date keep their seed order.
                events = events.enumerated().sorted { a, b in
                    a.element.creationDate! != b.element.creationDate!
                        ? a.element.creationDate! > b.element.creationDate! : a.offset < b.offset
                }.map(\.element)
                var index: [ExactName: Int] = [:]
                for (position, event) in events.enumerated() { index[ExactName(event.eventId)] = position }
                let name = ExactName(user.username)
                users[name] = User(username: user.username, events: events, index: index)
                order.append(name)
            }
            pools[ExactName(pool.id)] = Pool(id: pool.id, advancedSecurity: pool.advancedSecurity, users: users, order: order)
        }
        state = Mutex(pools)
    }

    /// Records `value` on an event, as either feedback operation does for a
    /// valid request: the pool must exist and have advanced security on, the
    /// user and the event must exist, and for `UpdateAuthEventFeedback` the
    /// token must be the event's (`token` is `nil` for the Admin operation).
    func giveFeedback(poolId: String, username: String, eventId: String, token: String?, value: String,
                      date: Date) -> BusinessError? {
        let poolName = ExactName(poolId), userName = ExactName(username)
        return state.withLock { pools -> BusinessError? in
            // Read without keeping a copy of the pool or the user, then written in place: no
            // copy-on-write of the pool's users or of the user's events on every request.
            guard let advancedSecurity = pools[poolName]?.advancedSecurity else { return .unknownPool(poolId) }
            guard advancedSecurity else { return .advancedSecurityOff }
            guard let index = pools[poolName]!.users[userName]?.index else { return .unknownUser }
            guard let position = index[ExactName(eventId)] else { return .unknownEvent }
            if let token, !token.utf8.elementsEqual(pools[poolName]!.users[userName]!.events[position].feedbackToken.utf8) {
                return .wrongToken
            }
            pools[poolName]!.users[userName]!.events[position].feedback =
                Seed.Feedback(value: value, provider: token == nil ? "ADMIN" : "USER", date: date)
            return nil
        }
    }

    /// The user's events from `offset`, at most `limit`, and the offset of
    /// the next page when there is one.
    func authEvents(poolId: String, username: String, offset: Int, limit: Int)
        -> Result<(events: [Seed.AuthEvent], next: Int?), BusinessError>
    {
        state.withLock { pools in
            guard let pool = pools[ExactName(poolId)] else { return .failure(.unknownPool(poolId)) }
            guard pool.advancedSecurity else { return .failure(.advancedSecurityOff) }
            guard let user = pool.users[ExactName(username)] else { return .failure(.unknownUser) }
            let start = min(offset, user.events.count)
            let end = start + min(limit, user.events.count - start)
            return .success((Array(user.events[start..<end]), end < user.events.count ? end : nil))
        }
    }

    /// The whole state as a seed (feedback tokens included): what
    /// `GET /_emulator/state` shows, without the tokens.
    public var seed: Seed {
        state.withLock { pools in
            Seed(userPools: pools.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }.map { pool in
                Seed.UserPool(id: pool.id, advancedSecurity: pool.advancedSecurity, users: pool.order.compactMap { name in
                    pool.users[name].map { Seed.User(username: $0.username, authEvents: $0.events) }
                })
            })
        }
    }
}
