package io.taofabric.deploy.miner;

import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.sim.Forecasters;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.node.DemoKind;
import io.taofabric.transport.model.DigitClassifiers;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code --model} names, loaded: a built-in demonstration model, a forecaster asking an
 * OpenAI-compatible completions server, or a user's class implementing {@link Model} for one task,
 * from {@code --classpath} jars. Every way a spec can be wrong is a {@link CliFailure#badInput} of
 * one line.
 */
final class ModelSpec {
  /** Digit classifiers train on a fixed sample, so a restarted miner serves the same model. */
  private static final long TRAINING_SEED = 1;

  private ModelSpec() {}

  /** A model ready to serve, its task, and the class loader its class came from (closed with it). */
  record Loaded(String name, MinerTask task, Model<?, ?> model, URLClassLoader loader) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (loader != null) {
        loader.close();
      }
    }
  }

  /** The shapes of a spec, for the help. */
  static final String SHAPES = "forecast:NAME, digits:NAME, openai:MODEL@URL (a forecaster) or class:CLASS";

  /** The specs {@code --model} takes with the built-in names, for errors. */
  static final String FORMS =
      "forecast:NAME (" + String.join(", ", forecasterNames()) + "), digits:NAME ("
          + DigitClassifiers.graded().stream().map(DigitClassifiers.Recipe::name).collect(Collectors.joining(", "))
          + "), openai:MODEL@URL, class:CLASS";

  /** Loads {@code spec}, with {@code classpath} for a {@code class:} spec. */
  static Loaded load(String spec, List<Path> classpath) throws CliFailure {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? "" : spec.substring(0, colon);
    String value = colon < 0 ? "" : spec.substring(colon + 1);
    if (!kind.equals("class") && !classpath.isEmpty()) {
      throw CliFailure.badInput("--classpath is for --model class:CLASS only");
    }
    return switch (kind) {
      case "forecast" -> new Loaded(spec, MinerTask.FORECAST, forecaster(value), null);
      case "digits" -> new Loaded(spec, MinerTask.CLASSIFICATION, digits(value), null);
      case "openai" -> new Loaded(spec, MinerTask.FORECAST, CompletionForecaster.of(value), null);
      case "class" -> userClass(value, classpath);
      default -> throw CliFailure.badInput("--model must be one of " + FORMS + ", got '" + spec + "'");
    };
  }

  private static List<String> forecasterNames() {
    return Forecasters.all().stream().map(NamedModel::name).toList();
  }

  private static Model<ForecastQuery, ForecastAnswer> forecaster(String name) throws CliFailure {
    for (NamedModel<ForecastQuery, ForecastAnswer> model : Forecasters.all()) {
      if (model.name().equals(name)) {
        return model.model();
      }
    }
    throw CliFailure.badInput("no built-in forecaster is called '" + name + "'; known: " + String.join(", ", forecasterNames()));
  }

  /** The demonstration classifier {@code name}, trained on the digits the demo's validators do not hold out. */
  private static Model<?, ?> digits(String name) throws CliFailure {
    DigitClassifiers.Recipe recipe;
    try {
      recipe = DigitClassifiers.named(name);
    } catch (IllegalArgumentException e) {
      throw CliFailure.badInput(e.getMessage() + "; known: " + FORMS);
    }
    return recipe.train(DemoKind.minersTrainingDigits(), TRAINING_SEED);
  }

  private static Loaded userClass(String className, List<Path> classpath) throws CliFailure {
    if (className.isEmpty()) {
      throw CliFailure.badInput("--model class: needs a class name, e.g. class:com.example.MyForecaster");
    }
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      Path jar = classpath.get(i);
      if (!Files.isReadable(jar)) {
        throw CliFailure.badInput("--classpath " + jar + " is not a readable jar or directory");
      }
      try {
        urls[i] = jar.toUri().toURL();
      } catch (MalformedURLException e) {
        throw CliFailure.badInput("--classpath " + jar + " is not a path a class loader can read");
      }
    }
    // the parent shares io.taofabric.core.model, so the user's Model is the Model served here
    URLClassLoader loader = new URLClassLoader(urls, ModelSpec.class.getClassLoader());
    try {
      Loaded loaded = instantiate(className, loader);
      loader = null;
      return loaded;
    } finally {
      if (loader != null) {
        try {
          loader.close();
        } catch (IOException e) {
          // nothing was loaded from it that is still in use
        }
      }
    }
  }

  private static Loaded instantiate(String className, URLClassLoader loader) throws CliFailure {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw CliFailure.badInput("class " + className + " is not on --classpath (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    if (!Model.class.isAssignableFrom(type)) {
      throw CliFailure.badInput("class " + className + " does not implement " + Model.class.getName());
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
      throw CliFailure.badInput("class " + className + " must be a public, concrete class");
    }
    MinerTask task = declaredTask(type);
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw CliFailure.badInput("class " + className + " needs a public constructor without parameters");
    }
    try {
      return new Loaded("class:" + className, task, (Model<?, ?>) constructor.newInstance(), loader);
    } catch (InvocationTargetException e) {
      throw CliFailure.badInput("the constructor of " + className + " failed: " + e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw CliFailure.badInput("cannot create " + className + ": " + e);
    }
  }

  /** The task of the {@code Model<Q, A>} that {@code type} or one of its superclasses declares. */
  private static MinerTask declaredTask(Class<?> type) throws CliFailure {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType p && p.getRawType() == Model.class) {
          Type[] arguments = p.getActualTypeArguments();
          MinerTask task =
              arguments[0] instanceof Class<?> q && arguments[1] instanceof Class<?> a ? MinerTask.declaredBy(q, a) : null;
          if (task == null) {
            throw CliFailure.badInput("class " + type.getName() + " implements " + p.getTypeName().replace("io.taofabric.core.model.", "")
                + "; a miner serves " + MinerTask.FORECAST.modelType() + " or " + MinerTask.CLASSIFICATION.modelType());
          }
          return task;
        }
      }
    }
    throw CliFailure.badInput("class " + type.getName() + " must declare its task: implement " + MinerTask.FORECAST.modelType()
        + " or " + MinerTask.CLASSIFICATION.modelType());
  }
}
