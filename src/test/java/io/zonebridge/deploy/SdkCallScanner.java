package io.zonebridge.deploy;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Finds every AWS API operation that compiled classes call through the AWS SDK for Java v2.
 *
 * <p>A call counts when its target is a method of a service client or waiter interface
 * ({@code software.amazon.awssdk.services.<service>.*Client} / {@code *Waiter}) that takes the
 * operation's request type: {@code changeResourceRecordSets(...)} and its {@code Consumer} overload,
 * {@code listHostedZonesPaginator(...)} (a paginator calls {@code ListHostedZones}) and
 * {@code Route53Waiter.waitUntilResourceRecordSetsChanged(GetChangeRequest)} (a waiter polls
 * {@code GetChange}) all map through the request class name. Methods that are not operations
 * ({@code close}, {@code waiter}, {@code serviceName}, ...) take no request and are ignored. Building an
 * STS credentials provider ({@code StsAssumeRoleCredentialsProvider}) counts as the STS call it makes.
 */
public final class SdkCallScanner {

    private static final String SERVICES = "software.amazon.awssdk.services.";

    /** IAM service prefix by SDK service package; a package missing here fails the scan, naming it. */
    static final Map<String, String> IAM_PREFIXES = Map.of(
            "route53", "route53",
            "route53resolver", "route53resolver",
            "sqs", "sqs",
            "ec2", "ec2",
            "dynamodb", "dynamodb",
            "organizations", "organizations",
            "sts", "sts",
            "eventbridge", "events",
            "secretsmanager", "secretsmanager",
            "cloudwatch", "cloudwatch");

    /** STS credentials providers and the operation each calls to refresh its credentials. */
    static final Map<String, IamAction> CREDENTIALS_PROVIDERS = Map.of(
            SERVICES + "sts.auth.StsAssumeRoleCredentialsProvider", new IamAction("sts", "AssumeRole"),
            SERVICES + "sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider",
            new IamAction("sts", "AssumeRoleWithWebIdentity"),
            SERVICES + "sts.auth.StsAssumeRoleWithSamlCredentialsProvider", new IamAction("sts", "AssumeRoleWithSAML"),
            SERVICES + "sts.auth.StsGetSessionTokenCredentialsProvider", new IamAction("sts", "GetSessionToken"),
            SERVICES + "sts.auth.StsGetFederationTokenCredentialsProvider", new IamAction("sts", "GetFederationToken"));

    /**
     * IAM actions authorising SDK operations whose action name differs from the operation: SQS authorises
     * its batch operations with the single-message action.
     */
    static final Map<String, String> AUTHORISED_AS = Map.of(
            "sqs:SendMessageBatch", "sqs:SendMessage",
            "sqs:DeleteMessageBatch", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");

    /**
     * Every SDK call made from the given classes.
     *
     * @throws IllegalStateException naming the caller and the target when a service has no known IAM prefix
     */
    public List<ApiCall> scan(JavaClasses classes) {
        List<ApiCall> calls = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JavaClass caller : classes) {
            for (JavaAccess<?> access : caller.getAccessesFromSelf()) {
                JavaClass owner = access.getTargetOwner();
                String ownerName = owner.getName();
                if (!ownerName.startsWith(SERVICES)) {
                    continue;
                }
                IamAction provider = CREDENTIALS_PROVIDERS.get(ownerName);
                if (provider != null) {
                    calls.add(new ApiCall(provider, caller.getName()));
                    continue;
                }
                if (!isClientOrWaiter(owner)) {
                    continue;
                }
                Optional<String> operation = operationOf(ownerName, access.getTarget().getName());
                if (operation.isEmpty()) {
                    continue;
                }
                String servicePackage = ownerName.substring(SERVICES.length(), ownerName.indexOf('.', SERVICES.length()));
                String prefix = IAM_PREFIXES.get(servicePackage);
                if (prefix == null) {
                    unknown.add(caller.getName() + " calls " + ownerName + "." + access.getTarget().getName()
                            + ": no IAM prefix known for SDK service package '" + servicePackage + "'");
                    continue;
                }
                String action = prefix + ":" + operation.get();
                calls.add(new ApiCall(IamAction.parse(AUTHORISED_AS.getOrDefault(action, action)), caller.getName()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("add these services to SdkCallScanner.IAM_PREFIXES:\n  "
                    + String.join("\n  ", new TreeSet<>(unknown)));
        }
        return calls;
    }

    private static boolean isClientOrWaiter(JavaClass owner) {
        String simple = owner.getSimpleName();
        return simple.endsWith("Client") || simple.endsWith("Waiter");
    }

    /**
     * The operation a client or waiter method calls. Its request class identifies the operation; the name is
     * that of the sync client's operation method taking the request, which keeps the API's own spelling
     * ({@code listHostedZonesByVPC} takes a {@code ListHostedZonesByVpcRequest}).
     */
    static Optional<String> operationOf(String ownerName, String methodName) {
        Class<?> owner = load(ownerName);
        for (Method method : owner.getMethods()) {
            if (!method.getName().equals(methodName)) {
                continue;
            }
            for (Class<?> parameter : method.getParameterTypes()) {
                if (SdkRequest.class.isAssignableFrom(parameter)) {
                    return Optional.of(operationName(clientOf(owner), parameter));
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> clientOf(Class<?> owner) {
        String simple = owner.getSimpleName();
        if (simple.endsWith("Client")) {
            return owner;
        }
        String servicePackage = owner.getPackageName().substring(0, owner.getPackageName().lastIndexOf('.'));
        return load(servicePackage + "." + simple.replaceFirst("(Async)?Waiter$", "Client"));
    }

    private static String operationName(Class<?> client, Class<?> request) {
        for (Method method : client.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == request
                    && !method.getName().endsWith("Paginator")) {
                return Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            }
        }
        throw new IllegalStateException(client.getName() + " has no operation method taking " + request.getName());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SdkCallScanner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SDK type " + name + " is not on the test class path", e);
        }
    }
}
