package io.chipledger.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.mapper.MyBatisConfiguration;
import io.chipledger.server.admin.AdminMapper;
import io.chipledger.server.cluster.NodeRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every row type a statement returns can be built by MyBatis without forcing its way in. MyBatis's object factory calls
 * the constructor, and when the type or constructor is not public catches the {@code IllegalAccessException}, makes it
 * accessible and calls it again, on every row: the progress steps' key was such a type, and cost the server an
 * exception and its stack trace for each step it wrote (docs/performance.md, "An exception a progress step").
 */
class MapperResultTypesTest {

    @Test
    void everyRowTypeOfOursHasPublicConstructors() {
        SqlSessionFactory factory = MyBatisConfiguration.sessionFactory(new UnpooledDataSource()); // never connects
        ServerSchema.registerMappers(factory);
        AdminMapper.register(factory);
        new NodeRegistry(factory); // adds the cluster's node mapper, as a game node does
        Configuration configuration = factory.getConfiguration();

        List<Class<?>> rowTypes = new ArrayList<>();
        for (String name : configuration.getMappedStatementNames()) {
            if (!name.contains(".")) {
                continue; // a short name, the same statement again (or MyBatis's marker for an ambiguous one)
            }
            MappedStatement statement = configuration.getMappedStatement(name);
            for (ResultMap resultMap : statement.getResultMaps()) {
                Class<?> type = resultMap.getType();
                if (type.getName().startsWith("io.chipledger.") && !type.isEnum()) {
                    rowTypes.add(type);
                }
            }
        }

        TreeSet<String> forcedOpen = new TreeSet<>();
        for (Class<?> type : rowTypes) {
            if (!Modifier.isPublic(type.getModifiers())) {
                forcedOpen.add(type.getName() + " is not public");
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (!Modifier.isPublic(constructor.getModifiers())) {
                    forcedOpen.add(constructor + " is not public");
                }
            }
        }
        assertThat(rowTypes).as("the statements' row types were found").hasSizeGreaterThan(20);
        assertThat(forcedOpen).isEmpty();
    }
}
