package io.zonebridge.plan;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;

import java.util.Objects;

/**
 * One planned change to a record set. A {@link Delete} carries the current record set exactly
 * (Route 53 accepts only an exact-match DELETE); an {@link Update} carries both sides and is sent
 * as an UPSERT of the desired record set.
 */
public sealed interface Change permits Change.Create, Change.Update, Change.Delete {

    /** The Route 53 action. */
    ChangeAction action();

    /** The record set sent to Route 53 with the action. */
    RecordSet recordSet();

    default RecordKey key() {
        return recordSet().key();
    }

    /** Create a record set that does not exist. */
    record Create(RecordSet desired) implements Change {
        public Create {
            Objects.requireNonNull(desired, "desired");
        }

        @Override
        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        @Override
        public RecordSet recordSet() {
            return desired;
        }
    }

    /** Replace an existing record set of the same identity and shape (an UPSERT). */
    record Update(RecordSet current, RecordSet desired) implements Change {
        public Update {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(desired, "desired");
            if (!current.key().equals(desired.key())) {
                throw new IllegalArgumentException("update must keep the identity: " + current.key() + " -> " + desired.key());
            }
        }

        @Override
        public ChangeAction action() {
            return ChangeAction.UPSERT;
        }

        @Override
        public RecordSet recordSet() {
            return desired;
        }
    }

    /** Delete an existing record set; carries the current record set exactly. */
    record Delete(RecordSet current) implements Change {
        public Delete {
            Objects.requireNonNull(current, "current");
        }

        @Override
        public ChangeAction action() {
            return ChangeAction.DELETE;
        }

        @Override
        public RecordSet recordSet() {
            return current;
        }
    }
}
