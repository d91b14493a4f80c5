package kr.salonmate.command;

import static org.axonframework.common.ReflectionUtils.ensureAccessible;
import static org.axonframework.common.ReflectionUtils.fieldsOf;
import static org.axonframework.common.ReflectionUtils.methodsOf;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for: Axon's {@link AnnotationCommandTargetResolver} rules ({@link
 * TargetAggregateIdentifier} and {@link TargetAggregateVersion} on a method or a field, methods first), but the
 * annotated member is found once per command class instead of for every command. Axon's resolver walks the class's
 * methods and fields and their (meta-)annotations on every command: a seventh of the sync's command thread
 * (docs/benchmarks.md).
 */
final class CommandTargets implements CommandTargetResolver {

    /** How to read a command class's target: its identifier and version members (either may be null). */
    private record Readers(Member identifier, Member version) {
    }

    /** A method or a field, read the way Axon's resolver reads it. */
    private record Member(Method method, Field field) {

        Object read(Object payload) throws InvocationTargetException, IllegalAccessException {
            return method != null ? method.invoke(payload) : field.get(payload);
        }

        static Member annotated(Class<?> type, Class<? extends Annotation> annotation) {
            for (Method method : methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                    return new Member(ensureAccessible(method), null);
                }
            }
            for (Field field : fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                    return new Member(null, ensureAccessible(field));
                }
            }
            return null;
        }
    }

    private final ClassValue<Readers> readers = new ClassValue<>() {
        @Override
        protected Readers computeValue(Class<?> type) {
            return new Readers(Member.annotated(type, TargetAggregateIdentifier.class),
                    Member.annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Readers target = readers.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = target.identifier() == null ? null : target.identifier().read(command.getPayload());
            version = target.version() == null ? null : asLong(target.version().read(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate "
                    + "information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. "
                            + "Make sure at least one of the fields or methods in the [%s] class contains the "
                            + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
