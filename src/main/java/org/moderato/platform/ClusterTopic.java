package org.moderato.platform;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The nodes of a cluster tell each other what changed, through a topic of Payara's own Hazelcast
 * ({@code payara/Hazelcast}, joined by the TCP members {@code bin/serve} passes; never multicast). A
 * message is a short string; each node hears the others' messages, not its own, on a container thread.
 * A single node (started with {@code --nohazelcast}) has no Hazelcast: publishing then does nothing.
 * Hazelcast's topic delivers in order from one member, at most once, and not to a member that was not
 * there when it was sent: caches that hear of changes this way also expire by time (a minute), so a node
 * that missed a message while it was cut off serves an old page for a minute at most.
 */
@ApplicationScoped
public class ClusterTopic {

    private static final Logger LOG = Logger.getLogger(ClusterTopic.class.getName());
    static final String TOPIC = "moderato-changes";

    @Resource
    ManagedExecutorService executor;

    private ITopic<String> topic;
    private UUID listener;

    /** Starts delivering the other nodes' messages to {@code receiver}; false on a single node. */
    public synchronized boolean listen(Consumer<String> receiver) {
        HazelcastInstance hazelcast = hazelcast();
        if (hazelcast == null) {
            return false;
        }
        topic = hazelcast.getTopic(TOPIC);
        listener = topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                executor.execute(() -> receiver.accept(message.getMessageObject()));
            }
        });
        LOG.info(() -> "Cluster: " + hazelcast.getCluster().getMembers().size() + " member(s); changes are sent to the others");
        return true;
    }

    /** Sends {@code message} to every other node (nothing on a single node). */
    public void publish(String message) {
        ITopic<String> current = topic;
        if (current != null) {
            current.publish(message);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (topic != null && listener != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException shuttingDown) {
                // Hazelcast may already be gone when the application stops
            }
        }
    }

    private static HazelcastInstance hazelcast() {
        try {
            Object found = new InitialContext().lookup("payara/Hazelcast");
            if (found instanceof HazelcastInstance instance && instance.getLifecycleService().isRunning()) {
                return instance;
            }
        } catch (NamingException | RuntimeException notClustered) {
            // --nohazelcast: no instance bound
        }
        return null;
    }
}
