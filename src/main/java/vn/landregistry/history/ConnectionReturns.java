package vn.landregistry.history;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Tells {@link RegistryChanges} whenever a connection of this instance's pool is handed back:
 * whatever it committed (an edit, an import in the background, SQL run by hand through the
 * application) is then looked for by the next catch-up of each cache. So this instance reads its
 * own writes at once without waiting for their notification. The caches' own looks are not
 * counted; answers served from memory use no connection and so cost nothing here.
 */
@Component
class ConnectionReturns implements BeanPostProcessor {

	private volatile Runnable listener = () -> {
	};

	void onReturn(Runnable listener) {
		this.listener = listener;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Watched)) {
			return new Watched(dataSource);
		}
		return bean;
	}

	private final class Watched extends DelegatingDataSource {

		Watched(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return watched(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return watched(super.getConnection(username, password));
		}

		private Connection watched(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> invoke(connection, method, args);
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					handler);
		}

		private Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			finally {
				if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
					ConnectionReturns.this.listener.run();
				}
			}
		}

	}

}
