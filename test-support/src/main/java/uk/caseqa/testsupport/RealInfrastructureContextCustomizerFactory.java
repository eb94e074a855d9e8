package uk.caseqa.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Registered in {@code META-INF/spring.factories}; acts on test classes annotated {@link WithRealInfrastructure}. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, WithRealInfrastructure.class)) {
            return null;
        }
        return new RealInfrastructureCustomizer(testClass.getName(), AnnotatedElementUtils.findMergedAnnotation(
                testClass, WithRealInfrastructure.class).localIdentity());
    }

    /** One per test class: its own topic prefix and database, as properties of its context only. */
    record RealInfrastructureCustomizer(String testClass, boolean localIdentity) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            String isolation = TestIsolation.newName();
            Map<String, Object> properties = TestIsolation.properties(Infrastructure.shared(), isolation);
            if (localIdentity) {
                properties.putAll(LocalIdentity.shared().serviceProperties());
                properties.putAll(LocalIdentity.shared().pagesProperties());
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("caseqa-real-infrastructure", properties));
        }
    }
}
