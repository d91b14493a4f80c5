package kr.salonmate.api.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import kr.salonmate.messages.privacy.PersonalData;

/**
 * The Jackson hook of crypto-shredding: a property marked {@link PersonalData} is written sealed with its subject's
 * key and read back opened (or as the erased placeholder). Paired with the mapper's own introspector, it only
 * answers for marked properties; everything else is serialized exactly as before.
 */
public class PersonalDataIntrospector extends NopAnnotationIntrospector {

    private final PersonalDataCipher cipher;
    private final BiPredicate<Class<?>, String> opened;
    private final Map<PersonalData, Sealing> serializers = new ConcurrentHashMap<>();
    private final Map<PersonalData, Opening> deserializers = new ConcurrentHashMap<>();

    public PersonalDataIntrospector(PersonalDataCipher cipher) {
        this(cipher, (type, property) -> true);
    }

    /**
     * @param opened which marked properties are read opened, by declaring type and property name: the others are
     *               read as stored, sealed (a reader that needs only some of them decrypts only those)
     */
    public PersonalDataIntrospector(PersonalDataCipher cipher, BiPredicate<Class<?>, String> opened) {
        this.cipher = cipher;
        this.opened = opened;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object findSerializer(Annotated a) {
        PersonalData marked = a.getAnnotation(PersonalData.class);
        return marked == null ? null : serializers.computeIfAbsent(marked, m -> new Sealing(m, cipher));
    }

    @Override
    public Object findDeserializer(Annotated a) {
        PersonalData marked = a.getAnnotation(PersonalData.class);
        if (marked == null || !isOpened(a)) {
            return null; // read as it is stored
        }
        return deserializers.computeIfAbsent(marked, m -> new Opening(m, cipher));
    }

    private boolean isOpened(Annotated a) {
        if (!(a instanceof AnnotatedMember member)) {
            return true;
        }
        Class<?> type = member.getDeclaringClass();
        String property = member.getName();
        if (member instanceof AnnotatedParameter parameter) {
            // a record's canonical constructor: its parameters are its components, in order
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
            property = components != null && parameter.getIndex() < components.length
                    ? components[parameter.getIndex()].getName() : null;
        }
        return opened.test(type, property);
    }

    /** Writes the value sealed with the key of the subject named by a sibling component of the record. */
    static final class Sealing extends StdSerializer<Object> {

        private final Map<Class<?>, MethodHandle> subjectAccessors = new ConcurrentHashMap<>();
        private final transient PersonalData marked;
        private final transient PersonalDataCipher cipher;

        Sealing(PersonalData marked, PersonalDataCipher cipher) {
            super(Object.class);
            this.marked = marked;
            this.cipher = cipher;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object owner = gen.currentValue();
            Object subjectId = owner == null ? null : subjectOf(owner);
            if (subjectId == null) {
                gen.writeString(value.toString()); // not a person's (the system, the model)
                return;
            }
            gen.writeString(cipher.seal(marked.kind().subject(subjectId), value.toString(), marked.erased()));
        }

        private Object subjectOf(Object owner) {
            MethodHandle accessor = subjectAccessors.computeIfAbsent(owner.getClass(), type -> {
                try {
                    if (type.isRecord()) {
                        return MethodHandles.publicLookup().findVirtual(type, marked.subject(),
                                MethodType.methodType(componentType(type, marked.subject())));
                    }
                    // a saga's state: a field of the same object
                    var field = type.getDeclaredField(marked.subject());
                    field.setAccessible(true);
                    return MethodHandles.lookup().unreflectGetter(field);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + " marks personal data of a subject '"
                            + marked.subject() + "' it does not have");
                }
            });
            try {
                return accessor.invoke(owner);
            } catch (Throwable e) {
                throw new IllegalStateException("Could not read the subject of " + owner.getClass().getName(), e);
            }
        }

        private static Class<?> componentType(Class<?> type, String name) throws NoSuchMethodException {
            for (var component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component.getType();
                }
            }
            throw new NoSuchMethodException(name);
        }
    }

    /** Reads a sealed value with its subject's key; an unsealed (older) value as it is. */
    static final class Opening extends StdDeserializer<String> {

        private final PersonalData marked;
        private final transient PersonalDataCipher cipher;

        Opening(PersonalData marked, PersonalDataCipher cipher) {
            super(String.class);
            this.marked = marked;
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return cipher.open(p.getValueAsString(), marked.erased());
        }
    }
}
