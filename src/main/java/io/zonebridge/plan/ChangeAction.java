package io.zonebridge.plan;

/** The Route 53 change action a {@link Change} becomes. */
public enum ChangeAction {
    CREATE, UPSERT, DELETE
}
