import Dialogue
import Privacy

extension DialogueState {
    /// The state with its slot and remembered values masked, for writing it to disk or showing
    /// it in debug output (the session store, `:state`): `{phone: 13812345678}` →
    /// `{phone: 138****5678}`. Everything else in the state is names, counts and hashes.
    public func masked(by mask: PrivacyMask) -> DialogueState {
        guard mask.isEnabled, !slots.isEmpty || !remembered.isEmpty else { return self }
        var state = self
        state.slots = mask.mask(slots)
        state.remembered = mask.mask(remembered)
        return state
    }
}
