package io.zonebridge.deploy;

/**
 * One AWS API operation the product code calls, and the class that calls it.
 *
 * @param action the IAM action the call needs
 * @param caller the fully qualified name of the calling class (or route file)
 */
public record ApiCall(IamAction action, String caller) {
}
