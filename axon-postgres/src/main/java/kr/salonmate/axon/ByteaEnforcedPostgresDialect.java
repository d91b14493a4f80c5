package kr.salonmate.axon;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Axon maps payloads, metadata, tokens and sagas with {@code @Lob}. On PostgreSQL Hibernate turns a
 * {@code @Lob byte[]} into an {@code oid} large object, which leaks storage and breaks replication and
 * dumps. This dialect stores them as {@code bytea} instead, as Axon's reference guide recommends.
 *
 * <p>It lives beside the Flyway migrations of Axon's tables ({@code db/axon}) so that the application and the
 * query side's tests map those tables with the same class.
 */
public class ByteaEnforcedPostgresDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
