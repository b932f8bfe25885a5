package dev.cganstudio.training;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingListenersTest {

    /** A listener method the composite forgets would silently drop that event for every consumer. */
    @Test
    void everyListenerMethodIsPassedOnToEveryListener() throws Exception {
        List<String> heard = new ArrayList<>();
        TrainingListener recorder = (TrainingListener) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TrainingListener.class},
                (proxy, method, args) -> heard.add(method.getName()));
        TrainingListener both = TrainingListeners.of(recorder, recorder);
        int methods = 0;
        for (Method method : TrainingListener.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            methods++;
            method.invoke(both, new Object[] {null});
        }
        assertEquals(2 * methods, heard.size(), "each of " + methods + " methods reached both listeners: " + heard);
    }
}
